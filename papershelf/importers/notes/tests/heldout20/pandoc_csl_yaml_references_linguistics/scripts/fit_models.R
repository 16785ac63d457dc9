# fit_models.R -- standalone version of the models in 03-methods.qmd (run on the server)
suppressPackageStartupMessages({
  library(tidyverse)
  library(lme4)
})

goose <- read_csv("data/goose_tokens.csv", show_col_types = FALSE) |>
  filter(!prev_context %in% c("j", "coronal")) |>
  mutate(across(c(school, gender, context), as.factor))

m1 <- lmer(f2_lob ~ school * gender + context + (1 + context | speaker) + (1 | word),
           data = goose, REML = FALSE)
m0 <- update(m1, . ~ . - school:gender)

print(anova(m0, m1))
# singular fit? check the S4 slot
if (length(m1@optinfo$conv$lme4$messages) > 0) message("convergence warning: ", m1@optinfo$conv$lme4$messages)

saveRDS(m1, "models/m1.rds")

# Loreau & Hector (2001) additive partition for the 2022 mesocosm data
library(dplyr)
d <- read.csv("../../data/mesocosm2022.csv")
mono <- d %>% filter(richness == 1) %>% group_by(species) %>% summarise(M = mean(biomass))
mix <- d %>% filter(richness > 1) %>% left_join(mono, by = "species") %>%
  mutate(RYo = biomass_sp / M, RYe = 1 / richness, dRY = RYo - RYe)
part <- mix %>% group_by(plot) %>% summarise(N = n(),
  CE = N * mean(dRY) * mean(M),
  SE = N * (mean(dRY * M) - mean(dRY) * mean(M)))
print(part)

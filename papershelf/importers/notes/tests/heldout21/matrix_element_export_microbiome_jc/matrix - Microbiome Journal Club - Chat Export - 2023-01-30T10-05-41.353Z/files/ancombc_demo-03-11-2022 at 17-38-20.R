# ANCOM-BC live demo for JC, 3 Nov
# uses the pilot 16S phyloseq object (ps_pilot.rds on the shared drive)
library(phyloseq)
library(ANCOMBC)

ps <- readRDS("ps_pilot.rds")
ps_genus <- tax_glom(ps, "Genus")

out <- ancombc(phyloseq = ps_genus, formula = "treatment + cage",
               p_adj_method = "holm", prv_cut = 0.10, lib_cut = 1000,
               group = "treatment", struc_zero = TRUE, neg_lb = TRUE,
               tol = 1e-5, max_iter = 100, conserve = TRUE, alpha = 0.05)

res <- out$res
# estimated sampling fractions (the "bias" they correct for)
head(out$samp_frac)

# compare with naive log-CLR + wilcoxon, just to show how different it looks
clr <- function(x) log(x + 0.5) - mean(log(x + 0.5))
# TODO(jonas): tidy this up before putting it in the lab repo

# shared setup -- sourced at the top of every chapter with
#   source(here::here("_common.R"))
set.seed(8210)
options(digits = 3, scipen = 999, pillar.sigfig = 3)

suppressPackageStartupMessages({
  library(dplyr)
  library(ggplot2)
  library(fixest)
})

theme_set(theme_minimal(base_size = 12))

# fixest: always print clustered / robust SEs unless told otherwise
setFixest_etable(digits = 3, fitstat = ~ n + r2)

# helpers shared by the notes
rwm <- function(logp, x0, n = 5000, step = 0.5) {
  x <- numeric(n); x[1] <- x0; lp <- logp(x0)
  for (i in 2:n) {
    prop <- x[i - 1] + rnorm(1, 0, step)
    lp_prop <- logp(prop)
    if (log(runif(1)) < lp_prop - lp) { x[i] <- prop; lp <- lp_prop } else x[i] <- x[i - 1]
  }
  x
}

export * from "./transformers"
export * from "./filters"
export * from "./emitters"

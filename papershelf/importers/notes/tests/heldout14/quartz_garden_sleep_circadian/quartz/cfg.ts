import { ValidDateType } from "./components/Date"
import { QuartzComponent } from "./components/types"
import { ValidLocale } from "./i18n"
import { PluginTypes } from "./plugins/types"
import { Theme } from "./util/theme"

export type Analytics =
  | null
  | { provider: "plausible"; host?: string }
  | { provider: "google"; tagId: string }

export interface GlobalConfiguration {
  pageTitle: string
  /** client-side navigation between pages */
  enableSPA: boolean
  /** link previews on hover */
  enablePopovers: boolean
  
  analytics: Analytics
  /** globs under content/ that are never published */
  ignorePatterns: string[]
  /** which date to show on pages */
  defaultDateType: ValidDateType
  /** absolute site URL (sitemap, RSS, CNAME) */
  baseUrl?: string
  theme: Theme
  locale: ValidLocale
}

export interface QuartzConfig {
  configuration: GlobalConfiguration
  plugins: PluginTypes
}

export interface FullPageLayout {
  head: QuartzComponent
  header: QuartzComponent[]
  beforeBody: QuartzComponent[]
  pageBody: QuartzComponent
  left: QuartzComponent[]
  right: QuartzComponent[]
  footer: QuartzComponent
}

export type PageLayout = Pick<FullPageLayout, "beforeBody" | "left" | "right">
export type SharedLayout = Pick<FullPageLayout, "head" | "header" | "footer">

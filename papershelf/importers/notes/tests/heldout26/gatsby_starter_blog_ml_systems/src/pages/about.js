import * as React from "react"
import { graphql } from "gatsby"

import Layout from "../components/layout"
import Seo from "../components/seo"

const AboutPage = ({ data, location }) => {
  const siteTitle = data.site.siteMetadata.title

  return (
    <Layout location={location} title={siteTitle}>
      <h1>About</h1>
      <p>
        I'm Daniel. I spent four years on the training-infrastructure team of a
        mid-sized AI lab (think: keeping 2k-GPU jobs alive through the night),
        and now work on LLM inference — batching, KV-cache memory, kernels.
      </p>
      <p>
        This blog is mostly my notes on systems papers: training at scale,
        serving, and ML compilers. Each post is one paper or a small cluster of
        related ones, written the way I'd explain them to a new teammate. There
        are also some tutorials and the occasional book review.
      </p>
      <p>
        Opinions are mine, not my employer's. Corrections welcome — email is
        firstname at this domain.
      </p>
    </Layout>
  )
}

export const Head = () => <Seo title="About" />

export default AboutPage

export const pageQuery = graphql`
  query {
    site {
      siteMetadata {
        title
      }
    }
  }
`

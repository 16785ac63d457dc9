import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';

export default function Home() {
  return (
    <Layout title="Tokens & Flops" description="Notes on papers about training big models">
      <main className="container margin-vert--lg">
        <h1>Tokens &amp; Flops</h1>
        <p>Notes on papers about training big models.</p>
        <Link className="button button--primary" to="/blog">Read the blog</Link>
      </main>
    </Layout>
  );
}

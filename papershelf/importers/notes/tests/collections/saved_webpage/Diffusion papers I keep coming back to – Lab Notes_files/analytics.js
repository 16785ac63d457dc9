window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}

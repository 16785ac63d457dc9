import React from 'react';

export default function Figure({src, caption}) {
  return (
    <figure style={{textAlign: 'center'}}>
      <img src={src} alt={caption} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

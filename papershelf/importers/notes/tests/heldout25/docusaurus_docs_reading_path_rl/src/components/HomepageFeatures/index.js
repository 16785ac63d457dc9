import clsx from 'clsx';
import Heading from '@theme/Heading';
import styles from './styles.module.css';

const FeatureList = [
  {
    title: 'In order',
    description: (
      <>
        Each stage assumes the ones before it. Bandits first, MuZero last. Skip around at your own risk.
      </>
    ),
  },
  {
    title: 'Papers, not summaries of summaries',
    description: (
      <>
        Every stage has one to three papers and my notes on them — what clicked, what didn't, what I
        had to re-derive on paper.
      </>
    ),
  },
  {
    title: 'With code',
    description: (
      <>
        Where it helped, there's a tiny PyTorch snippet next to the math. None of it is production code.
      </>
    ),
  },
];

function Feature({title, description}) {
  return (
    <div className={clsx('col col--4')}>
      <div className="text--center padding-horiz--md">
        <Heading as="h3">{title}</Heading>
        <p>{description}</p>
      </div>
    </div>
  );
}

export default function HomepageFeatures() {
  return (
    <section className={styles.features}>
      <div className="container">
        <div className="row">
          {FeatureList.map((props, idx) => (
            <Feature key={idx} {...props} />
          ))}
        </div>
      </div>
    </section>
  );
}

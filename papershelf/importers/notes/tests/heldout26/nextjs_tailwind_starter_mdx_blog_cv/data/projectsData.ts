interface Project {
  title: string
  description: string
  href?: string
  imgSrc?: string
}

const projectsData: Project[] = [
  {
    title: 'splatview',
    description: `A tiny WebGL viewer for .ply Gaussian splat files that I wrote because I
    got tired of booting up the full SIBR viewer just to eyeball a capture. Drag and drop,
    orbit controls, nothing else.`,
    imgSrc: '/static/images/projects/splatview.png',
    href: 'https://github.com/ivaladares/splatview',
  },
  {
    title: 'probe-kit',
    description: `Linear probing / k-NN eval harness for frozen backbones (timm + torchvision
    weights). Used for most of the numbers on this blog.`,
    imgSrc: '/static/images/projects/probe-kit.png',
    href: 'https://github.com/ivaladares/probe-kit',
  },
  {
    title: 'Reading group slides',
    description: `Slides from the lab's Thursday vision reading group, 2022 to now.`,
    href: 'https://github.com/ivaladares/reading-group',
  },
]

export default projectsData

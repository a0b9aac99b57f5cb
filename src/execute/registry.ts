import type { ExecutorRegistry } from './types.js';

/**
 * Step kind → executor module, imported lazily so that planning and dry runs never load HTTP
 * clients. Each publishing issue adds its executor here.
 */
export const executors: ExecutorRegistry = {
  'python-build': () => import('../python/build.js').then((m) => m.executePythonBuild),
  'pypi-upload': () => import('../python/publish.js').then((m) => m.executePypiUpload),
  'github-release': () => import('../github/executor.js').then((m) => m.executeGithubRelease),
  'github-attest': () => import('../github/attest.js').then((m) => m.executeGithubAttest),
  'verify-assets': () => import('../verify/assets.js').then((m) => m.executeVerifyAssets),
  'workflow-dispatch': () => import('../github/dispatch.js').then((m) => m.executeWorkflowDispatch),
  'docker-build': () => import('../docker/build.js').then((m) => m.executeDockerBuild),
  'verify-images': () => import('../verify/images.js').then((m) => m.executeVerifyImages),
  'verify-python': () => import('../verify/python.js').then((m) => m.executeVerifyPython),
  'verify-npm': () => import('../verify/npm.js').then((m) => m.executeVerifyNpm),
  'verify-container': () => import('../verify/container.js').then((m) => m.executeVerifyContainer),
  'deploy-swarm': () => import('../deploy/swarm-executor.js').then((m) => m.executeDeploySwarm),
  'npm-publish': () => import('../npm/publish.js').then((m) => m.executeNpmPublish),
  'deploy-compose': () => import('../deploy/compose-executor.js').then((m) => m.executeDeployCompose),
  'docker-scan': () => import('../docker/scan.js').then((m) => m.executeDockerScan),
  'docker-merge': () => import('../docker/merge.js').then((m) => m.executeDockerMerge),
  'docker-attest': () => import('../docker/attest.js').then((m) => m.executeDockerAttest),
};

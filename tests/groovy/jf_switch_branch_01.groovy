def envFor(String branch) {
  switch (branch) {
    case 'main':
    case 'master':
      return 'prod'
    case ~/release\/.*/:
      return 'staging'
    case ['develop', 'dev']:
      return 'dev'
    case { it.startsWith('PR-') }:
      return 'preview'
    default:
      return 'none'
  }
}
['main', 'master', 'release/2.0', 'develop', 'dev', 'PR-12', 'feature/x'].each {
  println "${it.padRight(12)}-> ${envFor(it)}"
}

enum Env {
  DEV('d'), STAGING('s'), PROD('p')
  final String code
  Env(String code) { this.code = code }
  boolean isProd() { this == PROD }
}
println Env.values()*.name()
println Env.valueOf('STAGING').code
println Env.PROD.ordinal()
println Env.PROD.isProd()
println Env.DEV
println Env.DEV.getClass().name
def target = Env.STAGING
switch (target) {
  case Env.DEV: println 'dev!'; break
  case Env.STAGING: println 'staging!'; break
  default: println 'other'
}
println Env.DEV < Env.PROD
try { Env.valueOf('QA') } catch (e) { println e.class.name + ': ' + e.message }

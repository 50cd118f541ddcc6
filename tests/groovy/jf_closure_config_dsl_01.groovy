// The vars/*.groovy "config closure" idiom used by shared libraries
def myPipeline(Closure body) {
  def config = [:]
  body.resolveStrategy = Closure.DELEGATE_FIRST
  body.delegate = config
  body()
  return config
}
def cfg = myPipeline {
  name = 'svc'
  replicas = 3
  tags = ['a', 'b']
}
println cfg
println cfg.getClass().simpleName
class Builder {
  List steps = []
  def step(String s) { steps << s }
  def run(Closure c) { c.delegate = this; c.resolveStrategy = Closure.DELEGATE_FIRST; c(); steps }
}
println new Builder().run {
  step 'checkout'
  step 'build'
}
println Closure.DELEGATE_FIRST + ' ' + Closure.OWNER_FIRST + ' ' + Closure.DELEGATE_ONLY

class Stage {
  String name
  boolean skip
  def timeout = 10
  String describe() { skip ? "${name} (skipped)" : "${name} [${timeout}m]" }
}
def stages = [new Stage(name: 'build'), new Stage(name: 'test', timeout: 30), new Stage(name: 'deploy', skip: true)]
stages.each { println it.describe() }
println stages.findAll { !it.skip }.collect { it.name }.join(' -> ')
def s = new Stage()
println s.name
println s.skip
println s.timeout

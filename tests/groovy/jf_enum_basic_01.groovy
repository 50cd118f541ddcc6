enum Stage { BUILD, TEST, DEPLOY }
println Stage.values().toList()
println Stage.valueOf('TEST')
println Stage.TEST.name()
println Stage.DEPLOY.ordinal()
println Stage.BUILD < Stage.DEPLOY
println Stage.TEST == Stage.valueOf('TEST')
println Stage.TEST in [Stage.BUILD, Stage.TEST]
def s = Stage.DEPLOY
switch (s) {
  case Stage.BUILD: println 'b'; break
  case Stage.DEPLOY: println 'd'; break
}
println "stage=${Stage.BUILD}"
println Stage.values().collect { it.name().toLowerCase() }
println(Stage.BUILD.getClass().name)

class DeployException extends Exception {
  String target
  DeployException(String msg, String target) { super(msg); this.target = target }
}
class ConfigError extends RuntimeException {
  ConfigError(String msg, Throwable cause) { super(msg, cause) }
}
try { throw new DeployException('deploy failed', 'prod') }
catch (DeployException e) { println "${e.class.name}: ${e.message} @ ${e.target}" }
try {
  try { Integer.parseInt('x') }
  catch (NumberFormatException nfe) { throw new ConfigError('bad config', nfe) }
} catch (ConfigError e) {
  println e.message
  println e.cause.class.name
  println e.cause.message
  println e instanceof RuntimeException
  println e.toString()
}
println new DeployException('m', 't').toString()

// Constructors are not inherited: an empty subclass of RuntimeException has only the no-arg constructor
class MyErr extends RuntimeException {}
try { throw new MyErr('msg') } catch (e) { println e.class.name + ': ' + e.message.readLines()[0] }
try { throw new MyErr() } catch (MyErr e) { println e.class.name + ': ' + e.message }
class Tagged extends Exception {
  Tagged(String m) { super("[tag] " + m) }
}
try { throw new Tagged('x') } catch (Exception e) { println e.message; println e }
def e2 = new IllegalArgumentException('outer', new RuntimeException('inner'))
println e2.cause.message
println e2.message
println new RuntimeException(new IllegalStateException('wrapped')).message
println new Exception().message

class Util {
  static String hi() { 'hi' }
  String inst() { 'inst' }
}
println Util.hi()
try { Util.nope() } catch (MissingMethodException e) { println e.class.name + ': ' + e.message.readLines()[0] }
try { Util.inst() } catch (MissingMethodException e) { println e.class.name + ': ' + e.message.readLines()[0] }
try { new Util().nope(1) } catch (MissingMethodException e) { println e.message.readLines()[0] }
try { println Util.NOPE } catch (MissingPropertyException e) { println e.class.name + ': ' + e.message }
println new Util().hi()

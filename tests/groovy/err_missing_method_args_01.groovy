def two(a, b) { a + b }
try { two(1) } catch (MissingMethodException e) { println e.class.name + ': ' + e.message.readLines()[0] }
try { two(1, 2, 3) } catch (MissingMethodException e) { println e.message.readLines()[0] }
def typed(String s) { s }
try { typed(5) } catch (MissingMethodException e) { println e.message.readLines()[0] }
try { nosuch('x') } catch (MissingMethodException e) { println e.message.readLines()[0] }
try { 'str'.nosuch() } catch (MissingMethodException e) { println e.message.readLines()[0] }
try { [1].frobnicate(1, 'a') } catch (MissingMethodException e) { println e.message.readLines()[0] }

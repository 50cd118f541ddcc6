def root(Throwable t) { while (t.cause != null && t.cause != t) t = t.cause; t }
def e = new RuntimeException('top', new IllegalStateException('mid', new IOException('disk full')))
println root(e).message
println root(e).class.name
def chain = []
def t = e
while (t) { chain << t.class.simpleName; t = t.cause }
println chain
println e.cause?.cause?.message
println new Exception('solo').cause
try { throw e } catch (RuntimeException ex) { println ex.cause.class.simpleName }
println e.getMessage() == e.message
println e.localizedMessage

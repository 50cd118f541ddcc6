// Undeclared assignment goes to the binding (visible in methods); def is local (not visible)
counter = 0
def local = 'local'
def inc() { counter++ }
def readLocal() {
  try { return local } catch (MissingPropertyException e) { return "missing: ${e.property}" }
}
inc(); inc(); inc()
println counter
println readLocal()
println binding.hasVariable('counter')
println binding.hasVariable('local')

def cl = { -> delegate.toUpperCase() }
cl.delegate = 'abc'
println cl()
def withDelegate = { length() }
withDelegate.delegate = 'hello'
println withDelegate()
def outer = { -> def inner = { -> owner.getClass().simpleName.contains('closure') }; inner() }
println outer()
def m = [name: 'map-delegate']
def readName = { -> name }
readName.delegate = m
println readName()

def a = [10, 20, 30, 40]
println a.first()
println a.last()
println a.head()
println a.tail()
println a.init()
println a.take(2)
println a.drop(2)
println a.take(10)
println a.drop(10)
println a.takeWhile { it < 25 }
println a.dropWhile { it < 25 }
println a.subList(1, 3)
try { [].first() } catch (e) { println e.class.name + ': ' + e.message }
try { [].head() } catch (e) { println e.class.name + ': ' + e.message }

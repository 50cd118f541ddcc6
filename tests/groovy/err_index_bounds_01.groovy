def xs = [1, 2, 3]
println xs[5]
println xs[-1]
try { println xs[-5] } catch (e) { println e.class.name + ': ' + e.message }
try { xs.get(5) } catch (e) { println e.class.name + ': ' + e.message }
try { xs.remove(7) } catch (e) { println e.class.name + ': ' + e.message }
try { 'abc'[5] } catch (e) { println e.class.name + ': ' + e.message }
try { 'abc'.substring(5) } catch (e) { println e.class.name + ': ' + e.message }
try { 'abc'.charAt(3) } catch (e) { println e.class.name + ': ' + e.message }
String[] arr = ['a']
try { arr[2] } catch (e) { println e.class.name + ': ' + e.message }
try { xs[1..5] } catch (e) { println e.class.name + ': ' + e.message }

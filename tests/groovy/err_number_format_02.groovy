try { 'abc'.toInteger() } catch (e) { println e.class.name + ': ' + e.message }
try { Integer.parseInt('') } catch (e) { println e.class.name + ': ' + e.message }
try { Integer.parseInt('12.5') } catch (e) { println e.message }
try { '1.5'.toInteger() } catch (e) { println e.message }
try { 'x' as int } catch (e) { println e.class.name + ': ' + e.message }
try { new BigDecimal('1,5') } catch (e) { println e.class.name }
try { Long.parseLong('99999999999999999999') } catch (e) { println e.message }
try { Integer.parseInt(null) } catch (e) { println e.class.name + ': ' + e.message }
println ' 42 '.trim().toInteger()

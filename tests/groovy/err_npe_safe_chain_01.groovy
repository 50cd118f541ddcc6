def cfg = [deploy: null]
println cfg.deploy?.targets?.size()
try { println cfg.deploy.targets } catch (e) { println e.class.name + ': ' + e.message }
try { println cfg.deploy.targets?.size() } catch (e) { println e.message }
println cfg?.deploy?.targets*.name
def list = null
println list*.name
println list?.size() ?: 0
try { for (x in list) println x; println 'loop ok' } catch (e) { println e.class.name }
try { list.each { println it }; println 'each ok' } catch (e) { println e.class.name }
try { println list.size() } catch (e) { println e.message }
println list?.isEmpty()

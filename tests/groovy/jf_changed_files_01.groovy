def output = '''src/main/App.java
docs/README.md
src/test/AppTest.java

charts/values.yaml
'''
def files = output.readLines().findAll { it.trim() }
println files.size()
def byTop = files.groupBy { it.tokenize('/')[0] }
println byTop
println byTop.keySet().sort()
def onlyDocs = files.every { it.startsWith('docs/') || it.endsWith('.md') }
println onlyDocs
println files.any { it ==~ /charts\/.*\.ya?ml/ }
println files.collect { it.substring(it.lastIndexOf('/') + 1) }

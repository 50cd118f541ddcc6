def text = '''# build props
version=1.2.3
name = my-app
empty=
url=http://x/y?a=b
'''
def props = [:]
text.eachLine { line ->
  line = line.trim()
  if (!line || line.startsWith('#')) return
  def idx = line.indexOf('=')
  props[line.substring(0, idx).trim()] = line.substring(idx + 1).trim()
}
println props
def (k, v) = 'KEY=a=b'.split('=', 2)
println "$k|$v"
println 'a=1,b=2'.split(',').collectEntries { it.split('=') as List }

// Quirk (Groovy 2.4 on JDK 17): on a plain String, stripIndent() is the JDK 15+ String.stripIndent(),
// which counts the blank last line (after the final newline) as indent 0 -> nothing stripped;
// on a GString, Groovy's own stripIndent() runs and strips the common indent.
def v = 'x'
def plain = '''
    one
      two
'''
def gs = """
    one ${v}
      two
"""
println plain.stripIndent().inspect()
println gs.stripIndent().inspect()
println '''
    one
      two'''.stripIndent().inspect()
println '    a\n    b'.stripIndent()

def s = """\
    |first
    |  second
    |third""".stripMargin()
println s
def t = '''
    #a
    #b'''.stripMargin('#')
println t.inspect()
def u = '''
        one
          two
        three
'''.stripIndent()
println u.inspect()

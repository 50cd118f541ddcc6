// Oracle for src/eval/regex tests (syntax errors): run `groovy regex_syntax_errors.groovy` (Groovy 2.4.21, OpenJDK 17).
def pats = ['(', '[a', 'a)', '*a', 'a**', '{', '${foo}', 'a{2,1}', 'a{', 'a{1', '\\', '\\k<x>', '(?<x>a)(?<x>b)', '[b-a]', '\\p{Foo}', '(?z)', '\\y', '[]', '[]a]', '[^]a]', 'a{1,2', '(?<=a+)b', '\\1', '(?', '(?<', '(?<1a>x)', '[a-\\d]', '\\x{110000}', '\\xZ', '\\u12', '\\cé', '+', '?', 'a|*', '(*)', '\\Qab', '[a&&]', 'x++*', '\\0', '\\08', '\\N{LATIN SMALL LETTER A}','a{99999999999}', '[\\w-z]', '[z-\\w]','(?i', 'ab(cd','\\p{','\\pX', '\\p{IsLatin}x','\\p{InGreek}', '\\p{javaLowerCase}', '\\P{Alpha}', '\\b{g}', '\\b{x}', '\\R', '\\X', '\\G', '(?<!a*)b', '[[a]', 'é(']
for (p in pats) {
  try { java.util.regex.Pattern.compile(p); println "OK  " + p } catch (e) { println e.class.name + ': ' + e.message.replace('\n', '<NL>').replace('\r','<CR>') }
}
try { 'a' =~ /(/ } catch(e) { println e.class.name + ': ' + e.message }
try { println(('a' =~ /(/).find()) } catch(e) { println e.class.name + ': ' + e.message }
try { println('a' ==~ /(/) } catch(e) { println e.class.name + ': ' + e.message }

def user = 'ci'
def script = """
  set -e
  echo "user=${user}"
  echo 'single'
  echo \$HOME
""".stripIndent().trim()
println script
println '---'
def raw = '''line1
  line2 $user
line3'''
println raw
println raw.readLines().size()

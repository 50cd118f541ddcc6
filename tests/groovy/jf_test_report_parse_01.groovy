def out = '''
[INFO] Tests run: 10, Failures: 2, Errors: 0, Skipped: 1
[INFO] Tests run: 5, Failures: 0, Errors: 1, Skipped: 0
[INFO] BUILD FAILURE
'''
def totals = [run: 0, failures: 0, errors: 0, skipped: 0]
(out =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/).each { all, r, f, e, s ->
  totals.run += r as int
  totals.failures += f.toInteger()
  totals.errors += e as int
  totals.skipped += s as Integer
}
println totals
def passed = totals.run - totals.failures - totals.errors - totals.skipped
println "passed ${passed}/${totals.run} (${(passed * 100 / totals.run).setScale(1, BigDecimal.ROUND_HALF_UP)}%)"
println out.contains('BUILD FAILURE') ? 'UNSTABLE' : 'SUCCESS'

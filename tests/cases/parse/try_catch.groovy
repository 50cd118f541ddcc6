try {
    risky()
} catch (IOException e) {
    println e.message
} catch (e) {
    throw e
} finally {
    cleanup()
}
try { a() }
catch (IllegalArgumentException | IllegalStateException e) { }
try
{
    a()
}
finally
{
    b()
}
throw new RuntimeException("boom")

node {
    parallel(
        a: { sh 'a' }
    )
    b: { sh 'b' },
}

node {
    # build it
    sh 'make'
}

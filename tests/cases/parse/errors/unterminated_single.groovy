node {
    sh 'make
    sh 'make test'
}

node {
    sh 'make')
}

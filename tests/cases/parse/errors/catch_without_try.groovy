node {
    sh 'make'
}
catch (e) {
    echo 'failed'
}

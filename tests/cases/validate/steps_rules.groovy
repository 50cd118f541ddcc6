pipeline {
    agent any
    stages {
        stage('a') {
            steps {
                def version = readFile('VERSION')
                currentBuild.description = version
                docker.image('maven').inside {
                    sh 'mvn -v'
                }
                stage('inner') {
                    echo 'nested stage'
                }
                timeout(time: 'ten') {
                    sh 'make'
                }
            }
        }
    }
}

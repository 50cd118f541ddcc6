@Library('shared@main') _

def image

node('docker') {
    stage('Checkout') {
        checkout scm
    }
    stage('Build') {
        image = docker.build("app:${env.BUILD_ID}")
    }
    stage('Deploy') {
        if (env.BRANCH_NAME == 'main') {
            withCredentials([usernamePassword(credentialsId: 'reg', usernameVariable: 'U', passwordVariable: 'P')]) {
                sh "docker login -u $U -p $P"
                image.push('latest')
            }
        } else {
            echo "skipping deploy for ${env.BRANCH_NAME}"
        }
    }
}

@NonCPS
def parse(text) {
    new groovy.json.JsonSlurper().parseText(text)
}

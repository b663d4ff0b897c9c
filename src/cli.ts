console.log('corpus-navigator cli');

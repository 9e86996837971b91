# Writes test/fixtures/porter-golden.json: NLTK 3.8 PorterStemmer (default NLTK_EXTENSIONS mode,
# as rouge_score uses it) on the words of the E2E and WebNLG data plus edge cases.
# Run with Debian's python3 (apt: python3-nltk): /usr/bin/python3 scripts/make-porter-golden.py
import json, os, re
from nltk.stem import porter
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, '..', '..', '..', '..', 'shared', 'data')
words = set()
for path in ['e2e/testset_w_refs.csv', 'webnlg/eval-references/gold-all-cat-reference0.lex']:
    with open(os.path.join(data, path), encoding='utf-8') as f:
        words.update(re.sub(r'[^a-z0-9]+', ' ', f.read().lower()).split())
words.update(['skies', 'dying', 'news', 'innings', 'caresses', 'ponies', 'ties', 'cats', 'feed', 'agreed',
              'plastered', 'bled', 'motoring', 'sing', 'conflated', 'troubled', 'sized', 'hopping', 'tanned',
              'falling', 'hissing', 'fizzed', 'failing', 'filing', 'happy', 'sky', 'relational', 'conditional',
              'rational', 'valenci', 'hesitanci', 'digitizer', 'conformabli', 'radicalli', 'differentli', 'vileli',
              'analogousli', 'vietnamization', 'predication', 'operator', 'feudalism', 'decisiveness', 'hopefulness',
              'callousness', 'formaliti', 'sensitiviti', 'sensibiliti', 'triplicate', 'formative', 'formalize',
              'electriciti', 'electrical', 'hopeful', 'goodness', 'revival', 'allowance', 'inference', 'airliner',
              'gyroscopic', 'adjustable', 'defensible', 'irritant', 'replacement', 'adjustment', 'dependent',
              'adoption', 'homologou', 'communism', 'activate', 'angulariti', 'homologous', 'effective', 'bowdlerize',
              'probate', 'rate', 'cease', 'controll', 'roll', 'generously', 'fully', 'apology', 'tied', 'cried',
              'dies', 'spied', 'eyes', 'ying', 'abc', 'a1b2', '2000s'])
stemmer = porter.PorterStemmer()
out = {w: stemmer.stem(w) for w in sorted(words) if len(w) > 3}
with open(os.path.join(here, '..', 'test', 'fixtures', 'porter-golden.json'), 'w') as f:
    json.dump(out, f, indent=0, sort_keys=True)
print(len(out), 'words')

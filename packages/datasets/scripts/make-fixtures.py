"""Cuts the small committed samples in fixtures/ out of the official files.

Run by hand from packages/datasets: `python3 scripts/make-fixtures.py` (reads ../shared/data
beside the repo, or $PREFIXKIT_SHARED_DATA). Records are copied byte for byte (CSV rows, XML
<entry> blocks, src1 lines); only the JSON samples are re-serialised. Outputs are written to a
temporary name and renamed.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.dirname(HERE)
SHARED = os.environ.get('PREFIXKIT_SHARED_DATA') or os.path.join(PACKAGE, '../../../shared/data')
OUT = os.path.join(PACKAGE, 'fixtures')


def write(path, data):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(full + '.tmp', mode, **({} if mode == 'wb' else {'encoding': 'utf-8', 'newline': ''})) as handle:
        handle.write(data)
    os.replace(full + '.tmp', full)


def csv_records(text):
    """Splits CSV text into (header, raw records, terminator), quotes respected."""
    records, start, quoted, index = [], 0, False, 0
    while index < len(text):
        char = text[index]
        if char == '"':
            quoted = not quoted
        elif char == '\n' and not quoted:
            records.append(text[start:index + 1])
            start = index + 1
        index += 1
    if start < len(text):
        records.append(text[start:])
    return records[0], records[1:]


def first_field(record):
    match = re.match(r'"((?:[^"]|"")*)"|([^,\r\n]*)', record)
    return (match.group(1) or match.group(2) or '').replace('""', '"')


def read(path):
    with open(os.path.join(SHARED, path), encoding='utf-8', newline='') as handle:
        return handle.read()


def e2e():
    header, train = csv_records(read('e2e/trainset.csv'))
    giraffe = [r for r in train if 'take a service the high price range' in r and '\r\n' in r.rstrip('\r\n')]
    write('e2e/trainset.csv', header + ''.join(train[:200]) + ''.join(giraffe))

    header, dev = csv_records(read('e2e/devset.csv'))
    mrs = []
    for record in dev:
        mr = first_field(record)
        if mr not in mrs:
            mrs.append(mr)
        if len(mrs) == 50:
            break
    keep = [index for index, record in enumerate(dev) if first_field(record) in mrs]
    write('e2e/devset.csv', header + ''.join(dev[index] for index in keep))
    valid = read('e2e/prefixtuning/src1_valid.txt').split('\n')
    write('e2e/prefixtuning/src1_valid.txt', ''.join(valid[index] + '\n' for index in keep))

    header, test = csv_records(read('e2e/testset_w_refs.csv'))
    mrs = []
    for record in test:
        mr = first_field(record)
        if mr not in mrs:
            mrs.append(mr)
        if len(mrs) == 10:
            break
    keep = [index for index, record in enumerate(test) if first_field(record) in mrs]
    write('e2e/testset_w_refs.csv', header + ''.join(test[index] for index in keep))
    src1_test = read('e2e/prefixtuning/src1_test.txt').split('\n')
    write('e2e/prefixtuning/src1_test.txt', ''.join(src1_test[index] + '\n' for index in keep))
    header, mrs_only = csv_records(read('e2e/testset.csv'))
    write('e2e/testset.csv', header + ''.join(mrs_only[:10]))

    for name in ['devel-fixed.no-ol.csv', 'test-fixed.csv']:
        header, rows = csv_records(read('e2e-cleaned/' + name))
        write('e2e-cleaned/' + name, header + ''.join(rows[:30]))


ENTRY = re.compile(r'[ \t]*<entry .*?</entry>\n?', re.S)


def xml_with(entries):
    return "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<benchmark>\n  <entries>\n" + ''.join(
        entry if entry.endswith('\n') else entry + '\n' for entry in entries) + '  </entries>\n</benchmark>\n'


def webnlg():
    picks = ['1triples/1triple_allSolutions_Airport_{}_challenge.xml',
             '2triples/2triples_Astronaut_{}_challenge.xml',
             '3triples/3triples_WrittenWork_{}_challenge.xml']
    for split in ['train', 'dev']:
        folder = os.path.join(SHARED, 'webnlg', split)
        files = sorted(os.path.join(split, size, name) for size in os.listdir(folder)
                       for name in os.listdir(os.path.join(folder, size)))
        offsets, total = {}, 0
        for path in files:
            offsets[path] = total
            total += len(ENTRY.findall(read('webnlg/' + path)))
        chosen = []
        for pick in picks:
            path = os.path.join(split, pick.format(split))
            entries = ENTRY.findall(read('webnlg/' + path))[:4]
            write('webnlg/' + path, xml_with(entries))
            chosen += [offsets[path] + index for index in range(len(entries))]
        if split == 'dev':
            full = json.loads(read('webnlg/dev.json'))['entries']
            sample = [{str(n + 1): full[index][str(index + 1)]} for n, index in enumerate(chosen)]
            write('webnlg/dev.json', json.dumps({'entries': sample}, indent=4, sort_keys=True, ensure_ascii=False) + '\n')

    test = ENTRY.findall(read('webnlg/test/testdata_with_lex.xml'))
    unseen = {'Artist', 'Athlete', 'CelestialBody', 'MeanOfTransportation', 'Politician'}
    category = lambda entry: re.search(r'category="([^"]+)"', entry).group(1)
    seen_ids = [i for i, entry in enumerate(test) if category(entry) not in unseen][:20]
    unseen_ids = [i for i, entry in enumerate(test) if category(entry) in unseen][:10]
    keep = sorted(seen_ids + unseen_ids)
    write('webnlg/test/testdata_with_lex.xml', xml_with(test[i] for i in keep))
    unseen_file = ENTRY.findall(read('webnlg/test/testdata_unseen_with_lex.xml'))
    write('webnlg/test/testdata_unseen_with_lex.xml', xml_with(unseen_file[:10]))
    # The official reference lines of the kept entries (all-cat: file order; old/new: by subset).
    seen_all = [i for i, entry in enumerate(test) if category(entry) not in unseen]
    unseen_all = [i for i, entry in enumerate(test) if category(entry) in unseen]
    for k in range(8):
        for track, ids, lines_of in [('all', keep, lambda i: i), ('old', seen_ids, seen_all.index),
                                     ('new', unseen_ids, unseen_all.index)]:
            name = f'webnlg/eval-references/gold-{track}-cat-reference{k}.lex'
            if not os.path.exists(os.path.join(SHARED, name)):
                continue  # new-cat has reference0..4 only
            lines = read(name).split('\n')
            write(f'webnlg/eval-references/gold-{track}-cat-reference{k}.lex',
                  ''.join(lines[lines_of(i)] + '\n' for i in ids))


def dart():
    entries = json.loads(read('dart/dart-v1.1.1-full-dev.json'))[:30]
    write('dart/dart-v1.1.1-full-dev.json', json.dumps(entries, indent=2))
    xml = read('dart/dart-v1.1.1-full-dev.xml')
    blocks = ENTRY.findall(xml)[:30]
    write('dart/dart-v1.1.1-full-dev.xml',
          "<?xml version='1.0' encoding='utf-8'?>\n<benchmark>\n  <entries>\n" + ''.join(blocks) + '  </entries>\n</benchmark>\n')


e2e()
webnlg()
dart()
print('fixtures written to', OUT)

// Licence, citation and public home of each data set: they travel with the loaders, so a user
// (and the CLI's `--help`) can show what they are using and under which terms. Facts are from
// the shared data's SOURCE.md files; where a licence could not be checked, `licenceNote` says so.

export type DatasetId = 'e2e' | 'e2e-cleaned' | 'webnlg-2017' | 'dart' | 'xsum';

export interface DatasetInfo {
  id: DatasetId;
  title: string;
  /** SPDX-style identifier, or `unknown`. */
  licence: string;
  licenceNote: string;
  citation: string;
  /**
   * Base URL of a public copy with the folder layout the loaders expect (pinned to a commit, so
   * the checksums hold). Undefined where the text cannot be downloaded (XSUM).
   */
  publicBaseUrl?: string;
}

export const datasetInfo: Readonly<Record<DatasetId, DatasetInfo>> = {
  e2e: {
    id: 'e2e',
    title: 'E2E NLG Challenge dataset (Novikova, Dušek & Rieser, SIGDIAL 2017)',
    licence: 'CC-BY-SA-4.0',
    licenceNote:
      'Creative Commons 4.0 Attribution-ShareAlike (the dataset README). Derived data must keep the licence and attribution.',
    citation: `@inproceedings{novikova2017e2e,
  title={The {E2E} Dataset: New Challenges for End-to-End Generation},
  author={Novikova, Jekaterina and Du{\\v{s}}ek, Ondrej and Rieser, Verena},
  booktitle={Proceedings of the 18th Annual Meeting of the Special Interest Group on Discourse and Dialogue},
  address={Saarbr\\"ucken, Germany},
  year={2017},
  note={arXiv:1706.09254}
}`,
    publicBaseUrl:
      'https://raw.githubusercontent.com/tuetschek/e2e-dataset/ab0d967dd5729ce455ef14ba9ffafc456a335264/',
  },
  'e2e-cleaned': {
    id: 'e2e-cleaned',
    title: 'Cleaned E2E data (Dušek, Howcroft & Rieser, INLG 2019)',
    licence: 'unknown',
    licenceNote:
      'The e2e-cleaning repository states no licence; the data derives from E2E (CC BY-SA 4.0). Not used by the paper.',
    citation: `@inproceedings{dusek2019semantic,
  title={Semantic Noise Matters for Neural Natural Language Generation},
  author={Du{\\v{s}}ek, Ond{\\v{r}}ej and Howcroft, David M. and Rieser, Verena},
  booktitle={Proceedings of the 12th International Conference on Natural Language Generation},
  year={2019}
}`,
    publicBaseUrl:
      'https://raw.githubusercontent.com/tuetschek/e2e-cleaning/164acdf986146d76f18893b3de9488725deda4c2/cleaned-data/',
  },
  'webnlg-2017': {
    id: 'webnlg-2017',
    title: 'WebNLG Challenge 2017 (Gardent et al., INLG 2017), the copy Prefix-Tuning used',
    licence: 'unknown',
    licenceNote:
      'Neither source repository states a licence; upstream WebNLG is usually distributed under CC BY-NC-SA 4.0 (not verified here).',
    citation: `@inproceedings{gardent2017webnlg,
  title={The {WebNLG} Challenge: Generating Text from {RDF} Data},
  author={Gardent, Claire and Shimorina, Anastasia and Narayan, Shashi and Perez-Beltrachini, Laura},
  booktitle={Proceedings of the 10th International Conference on Natural Language Generation},
  year={2017}
}`,
    publicBaseUrl:
      'https://raw.githubusercontent.com/XiangLi1999/PrefixTuning/6519d30e69b15a180f23e2cd41b766d3f62b8e82/data/webnlg_challenge_2017/',
  },
  dart: {
    id: 'dart',
    title: 'DART v1.1.1 (Nan et al., NAACL 2021)',
    licence: 'MIT',
    licenceNote: 'Yale-LILY/dart LICENSE: MIT License.',
    citation: `@inproceedings{nan2021dart,
  title={{DART}: Open-Domain Structured Data Record to Text Generation},
  author={Nan, Linyong and Radev, Dragomir and Zhang, Rui and others},
  booktitle={Proceedings of NAACL-HLT 2021},
  year={2021}
}`,
    publicBaseUrl:
      'https://raw.githubusercontent.com/Yale-LILY/dart/88559db76e5acb6a84e160f483b47d979e8e1220/data/v1.1.1/',
  },
  xsum: {
    id: 'xsum',
    title: 'XSUM (Narayan, Cohen & Lapata, EMNLP 2018)',
    licence: 'MIT (split definition only)',
    licenceNote:
      'EdinburghNLP/XSum is MIT; the article texts are BBC content, not covered by it and not downloadable here: supply your own {train,val,test}.{source,target} or JSONL files.',
    citation: `@inproceedings{narayan2018xsum,
  title={Don't Give Me the Details, Just the Summary! Topic-Aware Convolutional Neural Networks for Extreme Summarization},
  author={Narayan, Shashi and Cohen, Shay B. and Lapata, Mirella},
  booktitle={Proceedings of EMNLP 2018},
  year={2018}
}`,
  },
};

/** The paper whose data handling this package reproduces. */
export const prefixTuningCitation = `@inproceedings{li2021prefix,
  title={Prefix-Tuning: Optimizing Continuous Prompts for Generation},
  author={Li, Xiang Lisa and Liang, Percy},
  booktitle={Proceedings of ACL-IJCNLP 2021},
  year={2021}
}`;

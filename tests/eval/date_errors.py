#!/usr/bin/env python3
"""List the date layer's errors per document: value/type mismatches (MIS), gold spans with no
prediction (MISS) and predictions with no gold span (EXTRA), with context. Pairs are taken like
../shared/tools/score.py (exact span first, then by overlap), so the lists add up to its figures.

    python3 tests/eval/date_errors.py GOLD.jsonl PRED.jsonl [CONTEXT_CHARS] > errors.tsv

Evaluation only.
"""
import json,sys
gold={};pred={}
for l in open(sys.argv[1]):
    d=json.loads(l); gold[d['id']]=d
for l in open(sys.argv[2]):
    d=json.loads(l); pred[d['id']]=d
ctx=int(sys.argv[3]) if len(sys.argv)>3 else 40
def ov(a,b): return max(0,min(a['end'],b['end'])-max(a['start'],b['start']))
for id,g in gold.items():
    if 'dates' not in g: continue
    t=g['text']; G=g['dates']; P=pred.get(id,{}).get('dates',[])
    c=[]
    for gi,a in enumerate(G):
        for pi,b in enumerate(P):
            o=ov(a,b)
            if o>0 or (a['start'],a['end'])==(b['start'],b['end']):
                c.append((0 if (a['start'],a['end'])==(b['start'],b['end']) else 1,-o,gi,pi))
    c.sort(); ug=set();up=set();pairs=[]
    for _,_,gi,pi in c:
        if gi in ug or pi in up: continue
        ug.add(gi);up.add(pi);pairs.append((gi,pi))
    def cx(s,e):
        return (t[max(0,s-ctx):s]+'['+t[s:e]+']'+t[e:e+ctx]).replace('\n',' ')
    for gi,pi in pairs:
        a=G[gi];b=P[pi]
        if a['value'].strip().upper()!=b['value'].strip().upper() or a['type']!=b['type']:
            print(f"MIS\t{id}\t{g['dct']}\tG:{a['type']}:{a['value']}\tP:{b['type']}:{b['value']}\tg='{t[a['start']:a['end']]}' p='{t[b['start']:b['end']]}'\t{cx(min(a['start'],b['start']),max(a['end'],b['end']))}")
    for gi,a in enumerate(G):
        if gi not in ug: print(f"MISS\t{id}\t{g['dct']}\tG:{a['type']}:{a['value']}\t\t'{t[a['start']:a['end']]}'\t{cx(a['start'],a['end'])}")
    for pi,b in enumerate(P):
        if pi not in up: print(f"EXTRA\t{id}\t{g['dct']}\t\tP:{b['type']}:{b['value']}\t'{t[b['start']:b['end']]}'\t{cx(b['start'],b['end'])}")

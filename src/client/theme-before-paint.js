(()=>{const d=document.documentElement,m=matchMedia('(prefers-color-scheme: dark)');let s=null;try{s=localStorage.theme}catch{}
const a=t=>{d.dataset.theme=t;for(const b of document.querySelectorAll('[data-theme-toggle]'))b.ariaPressed=t=='dark'};
a(s=='dark'||s=='light'?s:m.matches?'dark':'light');
m.addEventListener('change',e=>{s||a(e.matches?'dark':'light')});
document.addEventListener('click',e=>{if(!e.target.closest?.('[data-theme-toggle]'))return;s=d.dataset.theme=='dark'?'light':'dark';try{localStorage.theme=s}catch{}a(s)});
document.addEventListener('DOMContentLoaded',()=>a(d.dataset.theme))})()

(self.webpackChunk=self.webpackChunk||[]).push([[1],{42:function(e,t,n){"use strict";n.d(t,{Z:function(){return "https://arxiv.org/abs/1706.03762"}})}}]);

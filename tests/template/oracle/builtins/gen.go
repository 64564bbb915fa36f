package main

// The C++ value spelling shared with the other oracle programs (../cppvalue).
import cv "../cppvalue"

var (
	cppStr   = cv.Str
	cppFloat = cv.Float
	cppVal   = cv.Val
	cppList  = cv.List
	cppMap   = cv.Map
	args     = cv.Args
)

type L = cv.L
type M = cv.M
